"""Patterns for the page furniture that scrapers and extractors leave around an article's text."""

from __future__ import annotations

import re

# A person's name as bylines print it: "Stefan J. Bos", "Kevin O'Brien", "Ama Boateng-Mensah", "Bashar al-Assad".
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|del|van|von|der|den|la|le|bin|ibn|al-\w+|el-\w+)){1,4}"
NAME_LINE = re.compile(rf"^{NAME}$")
BYLINE = re.compile(
    rf"^(?i:by|written by|words by|posted by|reporting by|story by|report by)\s*:?\s+"
    rf"(?P<name>{NAME}(?:\s*(?:,|and|&)\s*{NAME})*?)(?P<rest>(?:\s*[,|•·–—-]\s*.*)?)$"
)
POSTED_BY = re.compile(rf"^(?i:posted|published|updated)(?:\s+on)?\s+(?P<date>.+?)\s+(?i:by)\s+(?P<name>{NAME})$")
ROLE = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|journalist|staff|contributor|columnist|bureau chief|analyst|"
    r"producer|photographer)s?\b",
    re.IGNORECASE,
)
NAME_AND_ROLE = re.compile(rf"^(?P<name>{NAME})\s*[,|–—-]\s*(?P<role>.+)$")
READING_TIME = re.compile(r"\b\d+\s*(?:-\s*)?min(?:ute)?s?\.?\s+read\b", re.IGNORECASE)
DATE_LABEL = re.compile(
    r"\b(?:date|published|first published|posted|posted on|updated|last updated|modified|created|edited|released?|"
    r"story|time|at|on)\b\s*:?",
    re.IGNORECASE,
)
# What a publication stamp prints beside its date: a clock time ("8:44AM", "03.31", "7:15 a.m.") and a time zone's
# abbreviation, which names end in T ("ET", "BST", "CEST", "AKDT") and are written in capitals ("et" is French "and").
STAMP_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?", re.IGNORECASE)
TIME_ZONE = re.compile(r"\b(?:[A-Z]{1,3}T|UTC)\b")
UPDATED_LABEL = re.compile(r"\b(?:updated|modified)\b", re.IGNORECASE)

# A notice, not a sentence about copyright: the word needs a symbol or year beside it, reproduction needs a ban.
COPYRIGHT = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b\s*(?:©|\(c\)|\d{4})|\ball rights reserved\b|"
    r"\bmay not be (?:re)?(?:published|produced|reproduced|broadcast|rewritten|redistributed|copied)\b|"
    r"\breproduc\w*\s+(?:of this|without|with(?:out)? (?:the )?permission|is (?:strictly )?prohibited|in whole)|"
    r"\b(?:this|the) (?:article|story|post|piece|report) (?:was |is )?(?:originally|first) (?:published|appeared)\b|"
    r"\breproduced with permission\b|\bwithout (?:the )?(?:prior |express )?written permission\b|"
    r"\bpublic domain unless otherwise noted\b|"
    # "all rights reserved" in Spanish, German, French, Italian, Portuguese and Dutch
    r"\b(?:todos los derechos reservados|alle rechte vorbehalten|tous droits réservés|tutti i diritti riservati|"
    r"todos os direitos reservados|alle rechten voorbehouden)\b",
    re.IGNORECASE,
)
COPYRIGHT_HINTS = (
    "©",
    "(c)",
    "copyright",
    "rights reserved",
    "may not be",
    "reproduc",
    "originally",
    "permission",
    "public domain",
    "reservad",
    "vorbehalten",
    "réservés",
    "riservati",
    "voorbehouden",
)
# A newsletter is a "boletín" or "boletim" in Spanish and Portuguese.
NEWSLETTER = re.compile(
    r"\bnewsletters?\b|\binbox\b|\bnews alerts?\b|\bemail alerts?\b|\bbolet[ií]n\b|\bboletim\b", re.IGNORECASE
)
# A call to act now, not the verb in passing ("whether it be to register or ...") nor a name ("reports The
# Register."): the verb is followed by what it is for, or ends the line.
SIGN_UP = re.compile(
    r"(?<!the )\b(?:sign(?:ing)?[ -]up|subscribe|register)\b(?=\s+(?:for|to|now|here|today|free|with|at|and)\b|\W*$)",
    re.IGNORECASE,
)
# German, Spanish, French, Italian and Portuguese sites say "newsletter" too, and ask to sign up in their own words.
SIGN_UP_ABROAD = r"anmelden|abonnieren|suscr[íi]b\w*|inscri\w*|abonne[zr]|iscriviti|assine|inscreva-se"
PROMO_CUE = re.compile(
    rf"\b(?:our|your|free|here|now|today|click|daily|weekly|to receive|to get|for \w+ updates|{SIGN_UP_ABROAD}|"
    r"jetzt|kostenlos|gratis|gratuite?|unser\w*|nuestr[ao]s?|notre|nos|nostr[ao]|noss[ao]|diari[ao]|quotidienne)\b",
    re.I,
)
PROMO_HINTS = ("newsletter", "inbox", "alert", "sign", "subscribe", "register", "bolet")
# Where a share bar sends a story: networks, mail and print.
SHARE_TARGETS = r"facebook|twitter|x|email|e-mail|whatsapp|linkedin|telegram|reddit|pinterest|flipboard|messenger|print"
# "Share" and "follow us" in German, Spanish, French, Italian, Portuguese and Dutch, with the words a bar adds.
SHARE_ABROAD = (
    r"(?:artikel |beitrag )?teilen|compart(?:ir|e|ilhar|ilhe)|partag(?:er|ez)|condividi|delen|deel|folgen sie uns|"
    r"síguenos|suivez-nous|seguici"
)
SHARE_BAR_ABROAD = r"mit|auf|per|en|por|sur|par|su|op|via|artikel|beitrag|artículo|artigo|article|articolo|uns|nos"
SOCIAL = re.compile(
    rf"^(?:share(?: this| on| via)?(?: article| story| page| post)?:?|follow us(?: on)?|{SHARE_TARGETS}|copy link|"
    rf"copy url|{SHARE_ABROAD})\b",
    re.IGNORECASE,
)
# The words of a share bar; a line that starts like one ("X", "Print") but says more is a bar only if it is linked.
SHARE_BAR_WORD = re.compile(
    rf"\b(?:share|this|on|via|article|story|page|post|follow|us|{SHARE_TARGETS}|copy|link|url|{SHARE_ABROAD}|"
    rf"{SHARE_BAR_ABROAD})\b|[^\w\s]",
    re.IGNORECASE,
)
FOLLOW_US = re.compile(r"\bfollow (?:us|\w+ news) on\b|\blike us on facebook\b", re.IGNORECASE)
# "Join our WhatsApp channel", in the languages above: the site's own channel on a messaging app
CHANNEL_PROMO = re.compile(
    r"\b(?:join|únete a|unete a|rejoignez|rejoindre|unisciti al|entre n[oa]|participe d[oa]|treten sie|tritt)\b"
    r"\s+(?:to\s+|a\s+|à\s+)?(?:our|nuestro|notre|unserem|unseren|nostro|nosso)\b.{0,30}\b(?:channel|canal|chaîne|canale|kanal)",
    re.IGNORECASE,
)
MESSAGING_APPS = ("whatsapp", "telegram", "signal", "viber")
# "Subscribe to our YouTube channel", "¡Mira lo que tiene nuestro canal de YouTube!": the site's own channel on a
# video or messaging platform, named by a possessive of the site's
OWN_CHANNEL = re.compile(
    r"\b(?:our|nuestro|notre|unser(?:em|en)?|nostro|nosso)\s+(?:\w+\s+)?(?:channel|canal|chaîne|kanal|canale)\b",
    re.IGNORECASE,
)
CHANNEL_PLATFORMS = ("youtube", "whatsapp", "telegram", "tiktok", "instagram", "twitch")
VIEW_ON = re.compile(r"(?<=[.!?\"”’)])\s*(?:View|Watch|Read) (?:it |more |this )?on [A-Za-z][\w.-]{1,30}\s*$")
COMMENT_PROMPT = re.compile(
    r"^(?:\d+\s+)?comments?(?:\s*\(\d+\))?:?$|\bleave (?:a|the first|your) (?:comment|reply)\b|"
    r"\bbe the first to comment\b|"
    r"\b(?:view|show|load|read|see) (?:all |the )?(?:\d+ )?comments\b|\bjoin the (?:discussion|conversation|debate)\b|"
    r"\bwhat(?: is|'s|’s) your (?:opinion|view|take)\b|^what do you think\b[^.]*\?$|"
    r"\bcomments are (?:closed|moderated)\b|"
    r"\bcommunity guidelines\b|\bpost (?:a )?comment\b|\bno comments yet\b|\bthere are no comments\b|"
    r"\bthoughts on this (?:story|article|post)\b|"
    # the same prompts in Spanish, German, French, Italian, Portuguese and Dutch
    r"^(?:ver|mostrar|leer) (?:los )?comentarios\b|\bdej[ae] (?:tu|su|un) comentario\b|"
    r"\bkommentare? (?:anzeigen|schreiben|lesen|verfassen)\b|\b(?:laisser|laissez|écrire) un commentaire\b|"
    r"\bvoir les commentaires\b|\blascia un commento\b|\b(?:vedi|leggi) i commenti\b|"
    r"\bdeixe (?:seu|o seu|um|aqui o seu) comentário\b|^ver comentários\b|\breacties? (?:bekijken|plaatsen)\b",
    re.IGNORECASE,
)
COMMENT_HINTS = (
    "comment",
    "coment",
    "kommentar",
    "reactie",
    "reply",
    "discussion",
    "conversation",
    "debate",
    "opinion",
    "view",
    "take",
    "think",
    "guidelines",
    "thoughts",
)
TAGS = re.compile(
    r"^(?:tags?|topics?|filed under|categories|keywords|(?:schlag|stich)w(?:orte|örter)|themen|etiquetas|temas|"
    r"mots[- ]clés|thèmes|argomenti|etichette|trefwoorden)\s*:",
    re.IGNORECASE,
)
# A stock or file picture's label, in English, German, Spanish, French, Italian, Portuguese and Dutch: standing alone
# under the picture, or opening its credit ("Image illustrative : ..., licence Creative Commons").
STOCK_PICTURE = (
    r"(?:file|stock|illustrative|symbolic) (?:photo|image|picture)|(?:photo|image) d'illustration|image illustrative|"
    r"symbolbild|archivbild|archivfoto|(?:imagen|foto) de archivo|imagen ilustrativa|foto d'archivio|"
    r"immagine (?:di repertorio|d'archivio)|imagem ilustrativa|foto de arquivo|archiefbeeld|archieffoto"
)
CAPTION = re.compile(
    r"\((?:photo|image|picture|credit|file photo|video)s?\s*:[^)]*\)\s*$|^(?:photo|image|picture|credit)s?\s*:\s|"
    # the same credit in German, Spanish, French, Italian and Portuguese ("Foto: dpa", "Crédits photos : AFP")
    rf"^(?:fotos?|bild|imagen|cr[ée]dits?(?: photos?)?|créditos?|{STOCK_PICTURE})\s*:\s",
    re.IGNORECASE,
)
SEPARATOR = re.compile(r"^[\W_]+$")
CAPTION_HINTS = ("photo", "image", "picture", "credit", "video", "foto", "bild", "crédit")
BOILERPLATE = re.compile(
    r"^(?:advertisement|advert|sponsored(?: content)?|skip to (?:main )?content|scroll to continue(?: with content)?|"
    r"continue reading|loading\W*|close|menu|search|home|back to top|click here(?: to \w+)?\W*|"
    # the same in German, Spanish, French, Italian, Portuguese and Dutch
    r"anzeige|werbung|weiterlesen|wird geladen\W*|nach oben|publicidad|cargando\W*|seguir leyendo|publicité|"
    r"chargement\W*|lire la suite|pubblicità|caricamento\W*|continua a leggere|publicidade|carregando\W*|"
    rf"advertentie|lees verder|{STOCK_PICTURE}|"
    # sponsored content, "continue reading", "close" and "home" in the same languages
    r"contenido patrocinado|gesponsert|contenu sponsorisé|contenuto sponsorizzato|conteúdo patrocinado|gesponsord|"
    r"sigue leyendo|continúa leyendo|continuer la lecture|continua a ler|cerrar|inicio|schließen|startseite|fermer|"
    r"accueil|chiudi|fechar|início|sluiten)\W*$",
    re.IGNORECASE,
)
# A line that is only a time, an age or a short date stamp, as lists of other stories print beside each item.
TIMESTAMP = re.compile(
    r"^(?:(?:updated|published|posted)\s*:?\s*)?(?:"
    r"\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:gmt|utc|cet|cest|bst|et|est|edt|pt|pst|pdt))?|"
    r"(?:about |an? |\d+\s*)(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?|mo|months?|y|years?)"
    r"\s+ago|yesterday|today|just now|last (?:week|month)"
    r")$",
    re.IGNORECASE,
)
AGE_SUFFIX = re.compile(
    r"\s*[(\[|·•–—-]?\s*(?:\d+\s*(?:m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?)\s+ago|yesterday)\s*[)\]]?\s*$",
    re.IGNORECASE,
)
# Block headers that open a list of other stories. Kept short and generic on purpose, and matched against the
# whole block, so a subhead such as "More troops deployed" is not one: the list itself is recognised by the shape
# of what follows and by how unrelated it is to the article.
_HEAD_WORD = r"(?:latest|recent|related|more|other|top|popular|trending|recommended|featured|must[- ]read|read|see)"
_HEAD_NOUN = (
    r"(?:news|stories|headlines|posts|articles|videos|reads|coverage|content|links|topics|now|today|for you|"
    r"next|more|also|reading|on this (?:story|topic)|like this|in \w+)"
)
_HEAD_PHRASE = (
    rf"(?:the\s+)?{_HEAD_WORD}(?:\s+{_HEAD_NOUN})?(?:\s+(?:from|on|at)\s+[\w .'’&-]{{1,40}})?"
    r"|also read|see also|what to read next|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|"
    r"don'?t miss|in other news|in case you missed it|about the author|further reading|editor'?s'? picks|"
    r"most (?:read|viewed|popular|shared|commented|watched)(?:\s+(?:now|today|this week|stories|articles))?|"
    r"elsewhere(?: on [\w .]{1,30})?"
)
# The same headers as sites in the languages most pages come in besides English print them: German, Spanish,
# French, Italian, Portuguese and Dutch ("Lesen Sie auch", "Lea también", "À lire aussi", "Leggi anche", ...).
_SITE = r"[\w .'’&-]{1,40}"
_HEAD_PHRASE_ABROAD = (
    rf"(?:lesen sie|lies) (?:auch|mehr)|auch lesen|mehr (?:zum thema|themen|dazu|aus {_SITE})|"
    rf"weitere (?:artikel|beiträge|themen|nachrichten|meldungen|news)(?: zum thema| (?:aus|bei|von) {_SITE})?|"
    r"(?:verwandte|ähnliche|passende) (?:artikel|beiträge|themen)|zum thema|passend zum thema|auch interessant|"
    r"(?:das|dies|die)(?: thema| themen| artikel)? (?:könnte|könnten) (?:sie|dich|euch) auch interessieren|"
    rf"meistgelesen\w*(?: artikel)?|kommentierte artikel|top-themen(?: (?:bei|von|aus) {_SITE})?|"
    r"(?:lea|lee) (?:también|además|más)|(?:también )?(?:le|te) puede(?:n)? interesar|puede interesarte|"
    rf"(?:vea|ver|mira|mire) (?:también|además)|puedes ver|más (?:noticias|sobre {_SITE})|lo más (?:leído|visto)|"
    r"(?:noticias|artículos|notas|temas) relacionad[oa]s|"
    r"(?:à )?(?:lire|voir) (?:aussi|également)|sur le même (?:sujet|thème)|articles? (?:similaires|liés|associés)|"
    r"les plus (?:lus|consultés|partagés)|vous (?:aimerez|pourriez aimer) aussi|dans la même rubrique|"
    r"leggi anche|(?:ti )?potrebbe(?:ro)? interessarti|articoli correlati|i più letti|vedi anche|"
    r"leia (?:também|mais)|veja (?:também|mais)|saiba mais|notícias relacionadas|mais lidas|"
    rf"lees (?:ook|meer)|bekijk ook|meer (?:over {_SITE}|nieuws)|gerelateerde artikelen|meest gelezen|"
    r"te recomendamos|recomendad[oa]s|relacionad[oa]s|últimas noticias|más leíd[oa]s|lo último|"
    r"(?:à|a) découvrir|notre sélection|empfohlene artikel|per approfondire|ultime notizie|i più visti|"
    r"mais vistos|últimas notícias|leia mais"
)
# A line that names a list of tags: what follows it goes only where the page links it.
_TAGS_HEADER = r"tags|topics|temas|etiquetas|themen|schlagw(?:orte|örter)|thèmes|mots[- ]clés|argomenti|tag"
LIST_HEADER = re.compile(rf"^(?:{_HEAD_PHRASE}|{_HEAD_PHRASE_ABROAD}|{_TAGS_HEADER})\s*:?$", re.IGNORECASE)
# "READ MORE: <headline>", "Lea también: <headline>", "À lire aussi » <headline>": a header and one item on one line.
INLINE_TEASER = re.compile(rf"^(?:{_HEAD_PHRASE}|{_HEAD_PHRASE_ABROAD}|lea|lee)\s*[:»›]\s*\S", re.IGNORECASE)
# Chinese and Japanese end sentences with full-width marks and close quotes with 」 or 』.
TERMINAL = re.compile(r"[.!?\"”’。！？」』]\)?$")
ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])")
FIRST_PERSON_BIO = re.compile(
    r"^(?:hi,?\s+|hello,?\s+)?(?:I'?m|I am|I’m|I have|I’ve|I've|I work|I write|I cover|I report|my name is)\b",
    re.IGNORECASE,
)
PROFESSION = re.compile(
    r"\b(?:journalist|reporter|writer|editor|correspondent|freelance\w*|photographer|author|columnist|"
    r"covering|cover|based in|fixer|blogger|producer)\b",
    re.IGNORECASE,
)

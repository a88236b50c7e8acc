"""The CAMEO codes that several of the coder's rules name."""

# Meeting is symmetric: "Iran, Iraq and Syria met" says each met the others (CAMEO 040, as PETRARCH codes it)
MEET = "040"
VISIT = "042"
PRAISE, HOST = "051", "043"
RELEASE = "0841"
# CAMEO 163, impose embargo, boycott or sanctions: always on another, named or not
SANCTIONS = "163"
# CAMEO 150, demonstrate military or police power: force shown, short of its use.
SHOW_OF_FORCE = "150"
# CAMEO's destruction and seizure of property
DESTROY_PROPERTY = "1712"
SEIZE_PROPERTY = "171"
WEAPONS_SEIZED = "1711"  # CAMEO's confiscation, of weapons found, defused or intercepted: the authorities' work
ARREST, DEPORTATION, ABDUCTION = "173", "174", "181"
BOMBING = "183"
AERIAL_WEAPONS = "195"

# Identifiers may hold combining marks (Unicode ID_Continue): cafe + U+0301.
café = 1
x = café

_leading_underscore = 1
é = "unicode letters"
鍵 = "cjk"
a-1 = "dash then digit"
with_dash = b-1
unicode_reference = 鍵
tab_in_string = "	"
trailing_blank_lines = true




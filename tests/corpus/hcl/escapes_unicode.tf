locals {
  newline_tab   = "line1\nline2\tcol"
  quotes        = "she said \"hi\""
  backslash     = "C:\\Windows\\System32"
  carriage      = "a\rb"
  unicode4      = "caf\u00e9"
  unicode8      = "emoji \U0001F600"
  dollar_escape = "$${not.interpolated}"
  percent_esc   = "%%{not_a_directive}"
  lone_dollar   = "costs $5 and 100%"
  japanese      = "鍵 - キー"
  direct_emoji  = "🔑"
  mixed         = "\u3042${var.x}\t"
}

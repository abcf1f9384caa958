locals {
  arithmetic     = 1 + 2 * 3 - 4 / 2 % 3
  left_assoc     = 10 - 3 - 2
  comparisons    = var.a < var.b && var.c >= 4 || var.d == "x"
  equality_chain = var.a != var.b == true
  logic          = !var.enabled && (var.a || var.b)
  negation       = -var.count + 1
  double_not     = !!var.flag
  negative_lit   = -5
  not_literal    = !false
  parens         = (1 + 2) * 3
  mixed          = var.x > 0 ? var.x * -1 : -(var.x)
  lte_gt         = 1 <= 2 && 3 > 2
  modulo         = count.index % 2 == 0
}

locals {
  integer      = 42
  zero         = 0
  decimal      = 3.14159
  exponent     = 1e3
  exponent_neg = 2.5e-3
  exponent_pos = 6E+2
  negative     = -17
  negative_dec = -0.5
  large        = 123456789012345
  leading_zero = 007
  in_tuple     = [1, 2.5, -3, 4e2]
}

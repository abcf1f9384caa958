locals {
  empty     = []
  literals  = [1, "two", true, null]
  trailing  = ["a", "b",]
  multiline = [
    "x",
    "y"
  ]
  nested    = [[1, 2], [3, [4]]]
  mixed     = [var.a, "lit", 3]
  objects   = [{ a = 1 }, { b = var.b }]
}

locals {
  attr        = var.a.b.c
  index_str   = var.m["key"]
  index_expr  = var.list[count.index + 1]
  index_var   = var.map[var.key].value
  call_attr   = element(var.list, 0).name
  paren_index = (var.a)[0]
  tuple_index = [1, 2, 3][1]
  object_attr = { a = 1 }.a
  each_ref    = each.value.name
  self_ref    = self.private_ip
  path_ref    = "${path.module}/files"
  dashes      = var.with-dash.name-x
}

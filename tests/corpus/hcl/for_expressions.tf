locals {
  upper_names = [for s in var.names : upper(s)]
  with_index  = [for i, s in var.names : "${i}:${s}"]
  filtered    = [for s in var.names : s if s != ""]
  as_object   = { for s in var.names : s => length(s) }
  kv_object   = { for k, v in var.tags : lower(k) => v if v != null }
  grouped     = { for u in var.users : u.role => u.name... }
  multi_line = [
    for subnet in aws_subnet.private :
    subnet.id
    if subnet.map_public_ip_on_launch == false
  ]
  multi_line_object = {
    for name, cfg in var.clusters :
    name => {
      engine = cfg.engine
      size   = cfg.size
    }
  }
  nested_for = [for outer in var.matrix : [for inner in outer : inner * 2]]
}

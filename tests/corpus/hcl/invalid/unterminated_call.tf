a = 1
b = format("%s",
  var.x

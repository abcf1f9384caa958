a = 1
b = "${var.x

variable "name" {
  type = string
}

variable "cidr_block" {
  type = string
}

variable "azs" {
  type = list(string)
}

variable "db_ports" {
  type = map(number)
}

resource "aws_vpc" "this" {
  cidr_block           = var.cidr_block
  enable_dns_hostnames = true
  tags = {
    Name = var.name
  }
}

resource "aws_subnet" "private" {
  for_each          = { for index, az in var.azs : az => cidrsubnet(var.cidr_block, 8, index) }
  vpc_id            = aws_vpc.this.id
  availability_zone = each.key
  cidr_block        = each.value
}

resource "aws_security_group" "db" {
  name   = "${var.name}-db"
  vpc_id = aws_vpc.this.id

  dynamic "ingress" {
    for_each = var.db_ports
    content {
      description = ingress.key
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = [var.cidr_block]
    }
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

output "subnet_ids" {
  value = [for subnet in aws_subnet.private : subnet.id]
}

output "security_group_id" {
  value = aws_security_group.db.id
}

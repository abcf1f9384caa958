a = "a \n ${~ x ~} \n b"
b = "a \t${~x}"
c = <<-EOT
    ${~x}  
      y
    EOT

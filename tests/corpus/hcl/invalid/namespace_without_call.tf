a = a::b

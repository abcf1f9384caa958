a = x.-y

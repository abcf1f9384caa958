# cx
a = 1

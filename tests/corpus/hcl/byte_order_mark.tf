# A UTF-8 byte order mark before the first line is ignored.
a = 1

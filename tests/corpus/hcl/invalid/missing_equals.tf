block {
  foo bar
}

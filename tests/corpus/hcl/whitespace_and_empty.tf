

locals {

  spaced      =    "value"
	tabbed = true

}

empty_block {
}

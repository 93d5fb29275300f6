name = "[=v.value]"
count = [=v.count]
enabled = [=v.enabled?c]
raw = "${var.passes_through}"

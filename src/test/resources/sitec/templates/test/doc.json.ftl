{"name": "[=v.value]"}

name: "[=v.value]"
count: [=v.count]

[defaults]
inventory = inventory
roles_path = roles
interpreter_python = auto_silent
retry_files_enabled = False

[ssh_connection]
pipelining = True

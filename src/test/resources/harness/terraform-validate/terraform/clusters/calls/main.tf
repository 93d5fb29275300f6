# A broken sample: a module call that passes a variable the module does not declare and leaves out
# one it requires.
module "thing" {
  source = "../../modules/thing"

  size  = 2
  color = "red"
}

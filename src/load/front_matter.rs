//! Front matter: YAML between two `---` lines, parsed and validated.

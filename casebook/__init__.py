"""Casebook: South Korean law on sexual deepfakes as validated records and a static site."""

"""Validation: parse → schema → record checks → corpus checks, collecting every problem."""

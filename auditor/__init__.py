"""Comparing what reports claim with what their links prove, and rendering the answer."""

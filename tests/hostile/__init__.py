"""Hostile reports and hostile servers (issue 14): each attack as a generated file or a local
server answer."""

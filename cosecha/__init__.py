"""Reading accountability reports and harvesting the links they list as evidence."""

__version__ = "0.1.0"

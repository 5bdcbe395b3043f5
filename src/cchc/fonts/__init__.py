"""Be Vietnam Pro (SIL Open Font License, OFL.txt), bundled: the share cards are drawn with it and the
printed posters are set in it, so both measure text with the same metrics everywhere."""

from pathlib import Path

FOLDER = Path(__file__).parent
REGULAR, BOLD = "BeVietnamPro-Regular.ttf", "BeVietnamPro-Bold.ttf"
FILES = (REGULAR, BOLD)

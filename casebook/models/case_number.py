"""The shape of a Korean case number (사건번호), shared by cases and judgment sources."""

CASE_NUMBER_PATTERN = r"^[0-9]{4}[가-힣]{1,4}[0-9]{1,7}$"

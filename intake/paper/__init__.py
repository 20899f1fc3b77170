"""The paper form: the whole web form as a printable PDF in each shipped language."""

"""The PySide6 desktop application. It only presents core objects and runs core work in workers."""

"""The programme's PDFs, rendered with ReportLab from plain data."""

"""How the product's own workflows are driven from outside (REST)."""

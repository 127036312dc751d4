"""What the REST API's content endpoints need for this product's types."""

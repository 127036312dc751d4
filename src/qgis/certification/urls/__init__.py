"""Links the programme stores and shows: only web addresses (and e-mail links
where one is meant) ever reach a page, a feed or the catalog."""

"""What the editor reviews: conflicts between sources, likely repeats, readability, the review
page and the fact catalog (facts.json)."""

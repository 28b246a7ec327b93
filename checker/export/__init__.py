"""`claimcheck export`: findings in formats other tools read (schema.org ClaimReview)."""

"""twokoreas: loaders, cleaners and charts for the two Koreas and the Russia-Ukraine war."""

from .errors import DataError
from .loaders import (load_articles, load_boilerplate, load_claims, load_fact_relations, load_not_quantities,
                      load_sourced_claims)

__all__ = ["DataError", "load_articles", "load_boilerplate", "load_claims", "load_fact_relations",
           "load_not_quantities", "load_sourced_claims"]

"""twokoreas: loaders, cleaners and charts for the two Koreas and the Russia-Ukraine war."""

from .errors import DataError
from .loaders import (load_actor_sample, load_articles, load_boilerplate, load_chronology, load_claims,
                      load_codebook, load_cross_check, load_donor_regions, load_events, load_exchange_rates,
                      load_fact_relations, load_goldstein, load_kiel_tracker, load_markers, load_not_quantities,
                      load_sourced_claims, load_un_votes)
from .notebook import notebook
from .version import __version__, version_info

__all__ = ["DataError", "load_actor_sample", "load_articles", "load_boilerplate", "load_claims", "load_codebook",
           "load_cross_check", "load_donor_regions", "load_events", "load_exchange_rates", "load_fact_relations",
           "load_kiel_tracker", "load_markers", "load_not_quantities", "load_sourced_claims", "load_un_votes",
           "load_chronology", "load_goldstein", "notebook", "__version__", "version_info"]

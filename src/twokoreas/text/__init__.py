"""Reading numbers in news text: the cleaners (numbers), the extractor (extract), sentences and voice, the check of
a figure against its text (verify), and extraction over a corpus. May import only the package's root modules."""

"""The spaCy-free parts of the events stage: the PLOVER lexicons, actor typing and the ACLED
crosswalk. The component that reads the parse is ``tidings.nlp.events``."""

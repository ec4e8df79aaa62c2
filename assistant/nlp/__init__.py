"""Language rules every stage shares: normalisation and sentences, time expressions, what a
question asks for, and the text grammar of an answer. Depends only on the base modules."""

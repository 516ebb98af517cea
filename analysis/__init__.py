"""Pure analysers (sentiment, topics, entities, events, urgency) and their thin RQ jobs."""

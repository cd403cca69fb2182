"""The pipeline assets claimcheck ships, installed as the package data `claimcheck.models`."""

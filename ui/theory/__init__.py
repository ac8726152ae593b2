"""The theory page's pieces: the dimension table and the network diagram."""

"""What wraps every page: the router, the link in the address bar, presenter mode, uploads."""

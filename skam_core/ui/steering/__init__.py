"""Parts of the /steering page: the committee pack, its forms and exports."""

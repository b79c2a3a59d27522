"""What the rules decide, worded and drawn for a page: the checker's and the calculator's
results, the register's pages, and the pictures (``svg``'s element tree, drawn as the
calculator's ``timeline``, the Rapid Review's timescales and the register's chart)."""

// ZPrimeStore: the embedded SQLite (GRDB) store of atlas solutions.
import GRDB
import ZPrimeAtlas
